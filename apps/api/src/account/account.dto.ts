import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { INSTITUTION_TYPES, LANGUAGES, PASSWORD_MIN_LENGTH, type InstitutionType, type Language } from '@ecampus/contracts';
import { IsAcceptablePassword } from './password-policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const email = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
// An empty optional text clears it.
const optionalText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Ana López Pérez', description: 'A new name re-issues the learner’s issued certificates.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @Length(2, 120, { message: 'name must be between 2 and 120 characters' })
  name?: string;

  @ApiPropertyOptional({ example: 'Instituto Nacional de Migración' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'institution must be text' })
  @Length(2, 200, { message: 'institution must be between 2 and 200 characters' })
  institution?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_TYPES })
  @IsOptional()
  @IsIn(INSTITUTION_TYPES, { message: `institutionType must be one of: ${INSTITUTION_TYPES.join(', ')}` })
  institutionType?: InstitutionType;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(optionalText)
  @IsString({ message: 'position must be text' })
  @MaxLength(120, { message: 'position must be at most 120 characters' })
  position?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(optionalText)
  @IsString({ message: 'gender must be text' })
  @MaxLength(40, { message: 'gender must be at most 40 characters' })
  gender?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({ example: 'GT' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as MX or GT' })
  country?: string;

  @ApiPropertyOptional({ description: 'false: no reminder mail after 14 days without progress.' })
  @IsOptional()
  @IsBoolean({ message: 'remindersEnabled must be true or false' })
  remindersEnabled?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword must be text' })
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsAcceptablePassword()
  newPassword: string;
}

export class ChangeEmailDto {
  @ApiProperty({ example: 'ana.lopez@example.org' })
  @Transform(email)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'The current password.' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token from the mailed link.' })
  @IsString({ message: 'token must be text' })
  @Length(20, 200, { message: 'token is not valid' })
  token: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @Transform(email)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsAcceptablePassword()
  password: string;
}

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, to confirm.' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password: string;
}
