import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@napl/auth';
import { listTranches, type TrancheView } from '../application/budget-overview';
import { releaseTranche } from '../application/release-tranche';
import { ReleaseTrancheDto, TrancheResponse } from './region.dto';
import { trancheCodePipe } from './region-params';

@ApiTags('onderwijsregio’s')
@ApiBearerAuth()
@Controller('v1/budget')
export class BudgetController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('tranches')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'De tranches van het landelijke budget: bedrag, toegekend, over, voorwaardelijk en vrijgegeven' })
  @ApiOkResponse({ type: [TrancheResponse] })
  tranches(): Promise<TrancheView[]> {
    return listTranches(this.dataSource);
  }

  @Post('tranches/:code/release')
  @Roles('ministry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Een voorwaardelijke tranche vrijgeven na de tussenevaluatie (eenmalig)' })
  @ApiOkResponse({ type: TrancheResponse })
  @ApiConflictResponse({ description: 'Al vrijgegeven (TRANCHE_ALREADY_RELEASED) of onvoorwaardelijk (TRANCHE_NOT_CONDITIONAL).' })
  async release(@Param('code', trancheCodePipe) code: string, @Body() body: ReleaseTrancheDto): Promise<TrancheView> {
    await releaseTranche(this.dataSource, code, body.note);
    const tranche = (await listTranches(this.dataSource)).find((candidate) => candidate.code === code);
    return tranche!;
  }
}
