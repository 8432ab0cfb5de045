import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SCHOOL_ID_PATTERN } from '../../teachers/domain/teacher';
import { REGION_ID_PATTERN } from '../domain/school';

export class SchoolDto {
  @ApiProperty({ example: '12AB00', description: 'BRIN-code plus vestigingsnummer.' }) schoolId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty({ example: 'Utrecht Stad' }) regionName: string;
}

export class SchoolParams {
  @ApiProperty({ example: '12AB00', description: 'BRIN-code (2 cijfers, 2 letters) plus vestigingsnummer.' })
  @Matches(SCHOOL_ID_PATTERN, { message: 'moet een BRIN-code met vestigingsnummer zijn, bijvoorbeeld 12AB00' })
  schoolId: string;
}

export class RegisterSchoolDto {
  @ApiProperty({ example: 'OBS De Regenboog' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'utrecht-stad', description: 'De onderwijsregio waartoe de vestiging hoort (hoogstens één).' })
  @Matches(REGION_ID_PATTERN, { message: 'moet een regio-id van kleine letters, cijfers en streepjes zijn, bijvoorbeeld utrecht-stad' })
  @MaxLength(100)
  regionId: string;

  @ApiProperty({ example: 'Utrecht Stad' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  regionName: string;
}
