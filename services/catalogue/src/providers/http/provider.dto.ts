import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { PageQuery } from '../../shared/pagination';

export class RegisterProviderDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Vaste id (bijv. de id die de identiteitsprovider in tokens zet); anders nieuw.' })
  @Optional()
  @IsUUID()
  providerId?: string;

  @ApiProperty({ example: 'Hanzehogeschool Groningen' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '01131140', description: 'KvK-nummer: 8 cijfers (spaties en punten mogen).' })
  @IsString()
  @Matches(/^[\d\s.]{8,12}$/, { message: 'moet een KvK-nummer van 8 cijfers zijn' })
  kvkNumber: string;

  @ApiProperty({ example: 'nascholing@hanze.nl', description: 'Algemeen contactadres van de organisatie.' })
  @IsEmail()
  @MaxLength(254)
  contactEmail: string;

  @ApiPropertyOptional({ example: '050 595 5555' })
  @Optional()
  @Matches(/^\+?[\d\s()-]{8,20}$/, { message: 'moet een geldig telefoonnummer zijn' })
  contactPhone?: string;

  @ApiPropertyOptional({ example: 'https://www.hanze.nl' })
  @Optional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  websiteUrl?: string;
}

export class ProviderListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Zoek op KvK-nummer.' })
  @Optional()
  @IsString()
  @MaxLength(12)
  kvkNumber?: string;
}

export class ProviderResponse {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() name: string;
  @ApiProperty() kvkNumber: string;
  @ApiProperty({ nullable: true }) websiteUrl: string;
  @ApiPropertyOptional({ description: 'Alleen voor de aanbieder zelf en beheer.' }) contactEmail?: string;
  @ApiPropertyOptional({ nullable: true }) contactPhone?: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProviderPageResponse {
  @ApiProperty({ type: [ProviderResponse] }) items: ProviderResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
