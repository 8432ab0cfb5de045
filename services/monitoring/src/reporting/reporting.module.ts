import { Module } from '@nestjs/common';
import { FiguresService } from './application/figures.service';
import { FiguresController } from './http/figures.controller';

/** The ministry's figures from every read model: as of a date, suppressed where small, with freshness, forecast and exports. */
@Module({ controllers: [FiguresController], providers: [FiguresService] })
export class ReportingModule {}
