import { Module } from '@nestjs/common';
import { TeachersService } from './application/teachers.service';
import { TeachersController } from './http/teachers.controller';

/** Teachers: pseudonymous id, sector, school and region; the platform's only personal data, erasable. */
@Module({ providers: [TeachersService], controllers: [TeachersController], exports: [TeachersService] })
export class TeachersModule {}
