import { Module } from '@nestjs/common';

/** Education regions, their school locations, the national budget's tranches and the regions' budgets per year. */
@Module({ controllers: [], providers: [], exports: [] })
export class RegionsModule {}
