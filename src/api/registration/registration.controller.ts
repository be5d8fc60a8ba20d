import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AppointmentRepository } from '../../db/appointment-repository';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { NotFoundError, SlotFullError } from '../../domain/errors';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { APPOINTMENTS, REFERENCE_DATA } from '../tokens';
import {
  BookingDto,
  BookingReceiptDto,
  FreeSlotDto,
  MyAppointmentDto,
  PointQueryDto,
  RegistrationPointDto,
  SlotQueryDto,
} from './dto';

/** Registration points (报名点) and appointment slots (预约快办) for families who come in person. */
@ApiTags('registration points')
@ApiBearerAuth()
@Controller()
export class RegistrationController {
  constructor(
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(APPOINTMENTS) private readonly appointments: AppointmentRepository,
  ) {}

  @Get('registration-points')
  @ZodResponse({ status: 200, type: [RegistrationPointDto] })
  @ApiOperation({ summary: 'Registration points, optionally of one county' })
  points(@Query() query: PointQueryDto) {
    return this.reference.registrationPoints(query.countyCode);
  }

  @Get('registration-points/:pointId/slots')
  @ZodResponse({ status: 200, type: [FreeSlotDto] })
  @ApiOperation({ summary: 'Free appointment slots of a point' })
  async slots(@Param('pointId') pointId: string, @Query() query: SlotQueryDto) {
    if (!(await this.reference.registrationPoint(pointId)))
      throw new NotFoundError('registration point');
    const from = query.from ? new Date(`${query.from}T00:00:00+08:00`) : new Date();
    const to = new Date(from.getTime() + query.days * 86_400_000);
    const rows = await this.appointments.freeSlots(pointId, from, to);
    return rows.map((r) => ({
      id: r.id,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      free: r.capacity - r.booked,
    }));
  }

  @Post('appointments')
  @Roles('PARENT')
  @ZodResponse({ status: 201, type: BookingReceiptDto })
  @ApiOperation({ summary: 'Book a slot' })
  async book(@Body() body: BookingDto, @CurrentPrincipal() principal: Principal) {
    const outcome = await this.appointments.book(body.slotId, principal.sub);
    if (outcome.kind === 'full') throw new SlotFullError(body.slotId);
    if (outcome.kind === 'no-such-slot') throw new NotFoundError('appointment slot');
    return { appointmentId: outcome.appointmentId, slotId: body.slotId, status: 'BOOKED' as const };
  }

  @Get('appointments')
  @Roles('PARENT')
  @ZodResponse({ status: 200, type: [MyAppointmentDto] })
  @ApiOperation({ summary: "The family's appointments" })
  async mine(@CurrentPrincipal() principal: Principal) {
    const rows = await this.appointments.listOwnedBy(principal.sub);
    return rows.map((a) => ({
      appointmentId: a.id,
      status: a.status,
      startsAt: a.slot.startsAt.toISOString(),
      point: { id: a.slot.point.id, nameZh: a.slot.point.nameZh, address: a.slot.point.address },
    }));
  }

  @Delete('appointments/:appointmentId')
  @HttpCode(204)
  @Roles('PARENT')
  @ApiNoContentResponse({ description: 'Cancelled; the place is free again' })
  @ApiOperation({ summary: 'Cancel a booking (frees the place)' })
  async cancel(
    @Param('appointmentId') appointmentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    if (!(await this.appointments.cancel(appointmentId, principal.sub)))
      throw new NotFoundError('appointment');
  }
}
