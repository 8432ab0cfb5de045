import { Module } from '@nestjs/common';
import { BudgetController } from './http/budget.controller';
import { RegionsController } from './http/regions.controller';
import { SchoolLocationsController } from './http/school-locations.controller';

/** Education regions, their school locations, the national budget's tranches and the regions' budgets per year. */
@Module({ controllers: [RegionsController, SchoolLocationsController, BudgetController], providers: [], exports: [] })
export class RegionsModule {}
