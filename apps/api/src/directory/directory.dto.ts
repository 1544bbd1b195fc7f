import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUrl, Length, Matches, MaxLength,
  registerDecorator, type ValidationArguments,
} from 'class-validator';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DIRECTORY_KINDS, type DirectoryKind } from '@ecampus/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** Empty optional texts mean "none". */
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

/** Short codes (911, 1502…) are dialled as they are; any other number must be a real number of the entry's country. */
const SHORT_CODE = /^\d{3,6}$/;

export function isDirectoryPhone(phone: string, country: string): boolean {
  if (SHORT_CODE.test(phone)) return true;
  if (!/^\+?[\d\s().-]{6,30}$/.test(phone)) return false;
  // A number written in international form must still belong to the entry's country.
  const parsed = parsePhoneNumberFromString(phone, country as CountryCode);
  return !!parsed && parsed.isValid() && parsed.country === country;
}

function IsDirectoryPhone() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDirectoryPhone',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && isDirectoryPhone(value, String((args.object as { country?: unknown }).country ?? '')),
        defaultMessage: () => 'phone must be a phone number of the entry\'s country (for example +52 55 1234 5678) or a short code such as 911',
      },
    });
}

/** One directory entry as admins write it (POST and PUT take the whole entry). */
export class DirectoryEntryInput {
  @ApiProperty({ example: 'MX', description: 'ISO 3166-1 alpha-2 country code.' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as MX or GT' })
  country: string;

  @ApiProperty({ enum: DIRECTORY_KINDS })
  @IsIn(DIRECTORY_KINDS, { message: `kind must be one of: ${DIRECTORY_KINDS.join(', ')}` })
  kind: DirectoryKind;

  @ApiProperty({ example: 'Número único de emergencias 911' })
  @Transform(trim)
  @IsString({ message: 'name must be a text' })
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name: string;

  @ApiPropertyOptional({ example: '911', description: 'A number of the entry\'s country, in national or international form, or a short code.' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString({ message: 'phone must be a text' })
  @IsDirectoryPhone()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'https://www.gob.mx/sesnsp', description: 'An https:// or http:// address.' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString({ message: 'url must be a text' })
  @MaxLength(500, { message: 'url must be at most 500 characters long' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be a web address starting with https:// or http://' })
  url?: string | null;

  @ApiPropertyOptional({ example: '24 horas, todos los días' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString({ message: 'hours must be a text' })
  @MaxLength(200, { message: 'hours must be at most 200 characters long' })
  hours?: string | null;

  @ApiProperty({ example: ['es'], description: 'ISO 639 codes of the languages the service answers in.' })
  @IsArray({ message: 'languages must be a list of language codes such as ["es", "en"]' })
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(20, { message: 'languages must name at most 20 languages' })
  @IsString({ each: true, message: 'languages must be a list of language codes such as ["es", "en"]' })
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639 codes in lowercase such as es, en, ht' })
  languages: string[];

  @ApiProperty({ description: 'The public source of the details: the publisher, the document or page, and its address.' })
  @Transform(trim)
  @IsString({ message: 'source must be a text' })
  @Length(5, 1000, { message: 'source must be 5 to 1000 characters long' })
  source: string;

  @ApiProperty({ example: '2026-12-03', description: 'YYYY-MM-DD: the day the entry was last checked against its source.' })
  @IsString({ message: 'verifiedAt must be a date written YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'verifiedAt must be a date written YYYY-MM-DD' })
  verifiedAt: string;
}
