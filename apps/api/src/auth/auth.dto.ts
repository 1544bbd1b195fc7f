import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../account/password-policy';
import { INSTITUTION_TYPES, LANGUAGES, PASSWORD_MIN_LENGTH, type InstitutionType, type Language } from '@ecampus/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ana.lopez@inm.gob.mx' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easier to remember.`,
  })
  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Ana López Pérez', description: 'Full name as it should appear on certificates.' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ example: 'MX', description: 'ISO 3166-1 alpha-2 country code.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as MX or GT' })
  country: string;

  @ApiProperty({ example: 'Instituto Nacional de Migración' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  institution: string;

  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES, { message: `institutionType must be one of: ${INSTITUTION_TYPES.join(', ')}` })
  institutionType: InstitutionType;

  @ApiPropertyOptional({ example: 'Agente federal de migración' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  position?: string;

  @ApiPropertyOptional({ example: 'woman' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  gender?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'es' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class LoginDto {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
