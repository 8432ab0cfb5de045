import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { SchoolEntity } from '../infrastructure/school.entity';

class SchoolDto {
  @ApiProperty({ example: '12AB00', description: 'BRIN-code plus vestigingsnummer.' }) schoolId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty({ example: 'Utrecht Stad' }) regionName: string;
}

@ApiTags('schools')
@ApiBearerAuth()
@Controller('v1/schools')
export class SchoolsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Bekende schoolvestigingen met hun onderwijsregio.' })
  @ApiOkResponse({ type: [SchoolDto] })
  list(): Promise<SchoolDto[]> {
    return this.dataSource.getRepository(SchoolEntity).find({ order: { schoolId: 'ASC' } });
  }
}
