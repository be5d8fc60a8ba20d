import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import {
  BookingDto,
  BookingReceiptDto,
  FreeSlotDto,
  MyAppointmentDto,
  PointQueryDto,
  RegistrationPointDto,
  SlotQueryDto,
} from './dto';
import { RegistrationService } from './registration.service';
import { AuditObject, AuditRead } from '../audit/audited';

/** Registration points (报名点) and appointment slots (预约快办) for families who come in person. */
@ApiTags('registration points')
@ApiBearerAuth()
@AuditObject('appointment', 'appointmentId')
@Controller()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Get('registration-points')
  @ZodResponse({ status: 200, type: [RegistrationPointDto] })
  @ApiOperation({ summary: 'Registration points, optionally of one county' })
  points(@Query() query: PointQueryDto) {
    return this.registration.points(query.countyCode);
  }

  @Get('registration-points/:pointId/slots')
  @ZodResponse({ status: 200, type: [FreeSlotDto] })
  @ApiOperation({ summary: 'Free appointment slots of a point' })
  slots(@Param('pointId') pointId: string, @Query() query: SlotQueryDto) {
    return this.registration.freeSlots(pointId, query);
  }

  @Post('appointments')
  @Roles('PARENT')
  @ZodResponse({ status: 201, type: BookingReceiptDto })
  @ApiOperation({ summary: 'Book a slot, optionally for one of your cases' })
  book(@Body() body: BookingDto, @Caller() caller: CallerContext) {
    return this.registration.book(caller, body.slotId, body.applicationNo);
  }

  @Get('appointments')
  @AuditRead()
  @Roles('PARENT')
  @ZodResponse({ status: 200, type: [MyAppointmentDto] })
  @ApiOperation({ summary: "The family's appointments" })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.registration.mine(principal);
  }

  @Delete('appointments/:appointmentId')
  @HttpCode(204)
  @Roles('PARENT')
  @ApiNoContentResponse({ description: 'Cancelled; the place is free again' })
  @ApiOperation({ summary: 'Cancel a booking (frees the place)' })
  cancel(
    @Param('appointmentId') appointmentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.registration.cancel(principal, appointmentId);
  }
}
