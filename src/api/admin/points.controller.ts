import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { AuditObject } from '../audit/audited';
import { PointsService } from './points.service';
import {
  ClosureDto,
  ClosureRowDto,
  GeneratedSlotsDto,
  PointDto,
  PointRowDto,
  SlotCapacityDto,
  SlotGenerationDto,
  SlotRowDto,
} from './points-dto';

/** Registration points and their slots, administered in the caller's counties (issue 14). */
@ApiTags('administration')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@AuditObject('registration-point')
@Controller('admin/registration-points/:pointId')
export class PointsController {
  constructor(private readonly points: PointsService) {}

  @Put()
  @ZodResponse({ status: 200, type: PointRowDto })
  @ApiOperation({
    summary:
      'Create or change a registration point: county, name, opening hours, slot length and capacity',
  })
  upsert(
    @Param('pointId') pointId: string,
    @Body() body: PointDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.points.upsert(principal, pointId, body);
  }

  @Put('closures/:day')
  @ZodResponse({ status: 200, type: ClosureRowDto })
  @ApiOperation({ summary: 'Close the point on a day (refused while families hold bookings then)' })
  close(
    @Param('pointId') pointId: string,
    @Param('day') day: string,
    @Body() body: ClosureDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.points.close(principal, pointId, day, body.reason);
  }

  @Delete('closures/:day')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Open again; its slots are offered again' })
  @ApiOperation({ summary: 'Remove a closed day' })
  reopen(
    @Param('pointId') pointId: string,
    @Param('day') day: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.points.reopen(principal, pointId, day);
  }

  @Post('slots')
  @AuditObject('appointment-slot')
  @ZodResponse({ status: 201, type: GeneratedSlotsDto })
  @ApiOperation({ summary: 'Add slots from the opening hours of each open day in a range' })
  generate(
    @Param('pointId') pointId: string,
    @Body() body: SlotGenerationDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.points.generate(principal, pointId, body);
  }

  @Patch('slots/:slotId')
  @AuditObject('appointment-slot')
  @ZodResponse({ status: 200, type: SlotRowDto })
  @ApiOperation({ summary: "Change a slot's capacity (never below its bookings)" })
  capacity(
    @Param('pointId') pointId: string,
    @Param('slotId') slotId: string,
    @Body() body: SlotCapacityDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.points.setCapacity(principal, pointId, slotId, body.capacity);
  }
}
