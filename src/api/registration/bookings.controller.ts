import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { AuditObject, AuditRead } from '../audit/audited';
import { BookingsService } from './bookings.service';
import {
  BookingOutcomeDto,
  HandledBookingDto,
  PointBookingsPageDto,
  PointBookingsQueryDto,
} from './dto';

/** A registration point's staff list and handle the bookings made at their point (issue 14). */
@ApiTags('registration points')
@ApiBearerAuth()
@Roles('STAFF')
@AuditObject('appointment')
@Controller('registration-points/:pointId/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Get()
  @AuditRead()
  @ZodResponse({ status: 200, type: PointBookingsPageDto })
  @ApiOperation({ summary: "Your point's bookings, by slot time; filter by day, slot or status" })
  list(
    @Param('pointId') pointId: string,
    @Query() query: PointBookingsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.bookings.list(principal, pointId, query);
  }

  @Patch(':appointmentId')
  @ZodResponse({ status: 200, type: HandledBookingDto })
  @ApiOperation({ summary: 'Mark a booking attended or no-show, or cancel it (frees the place)' })
  handle(
    @Param('pointId') pointId: string,
    @Param('appointmentId') appointmentId: string,
    @Body() body: BookingOutcomeDto,
    @Caller() caller: CallerContext,
  ) {
    return this.bookings.handle(caller, pointId, appointmentId, body);
  }
}
