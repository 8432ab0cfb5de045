import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { SCHOOL_ID_PATTERN, SECTOR_CODES, type SectorCode } from '../domain/teacher';

export class RegisterTeacherDto {
  @ApiProperty({ enum: SECTOR_CODES, description: 'Sector waarin de docent lesgeeft.' })
  @IsIn(SECTOR_CODES, { message: 'moet een van po, vo, mbo of vso zijn' })
  sector: SectorCode;

  @ApiPropertyOptional({ example: '12AB00', description: 'BRIN-code (2 cijfers, 2 letters) plus vestigingsnummer; standaard de school uit het account, en moet daaraan gelijk zijn.' })
  @Optional()
  @Matches(SCHOOL_ID_PATTERN, { message: 'moet een BRIN-code met vestigingsnummer zijn, bijvoorbeeld 12AB00' })
  schoolId?: string;

  @ApiPropertyOptional({ example: 'Anne de Vries', description: 'Naam (persoonsgegeven; kan worden gewist).' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'anne@example.nl', description: 'E-mailadres voor contact (persoonsgegeven; kan worden gewist).' })
  @Optional()
  @ValidateIf((dto: RegisterTeacherDto) => dto.email !== '')
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

export class TeacherViewDto {
  @ApiProperty({ format: 'uuid', description: 'Pseudoniem docent-id (nooit een BSN).' }) teacherId: string;
  @ApiProperty({ enum: SECTOR_CODES, nullable: true, description: 'Leeg tot de docent het zelf invult (profiel gemaakt bij de eerste inschrijving).' })
  sector: SectorCode | null;
  @ApiProperty({ example: '12AB00' }) schoolId: string;
  @ApiProperty({ example: '12AB' }) brin: string;
  @ApiProperty() schoolName: string;
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty({ example: 'Utrecht Stad' }) regionName: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() personalDataErased: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2027-02-01', description: 'Sinds wanneer de docent NAPL-deelnemer is.' })
  participantSince: string | null;
}
