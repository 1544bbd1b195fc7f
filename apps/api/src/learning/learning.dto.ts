import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsUUID, ValidateIf } from 'class-validator';

export class AttemptDto {
  @ApiProperty({
    description: 'For each question id, the ids of the options chosen.',
    example: { '0b7c…question-id': ['4f2a…option-id'] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  @IsObject({ message: 'answers must be an object mapping question ids to lists of option ids' })
  answers: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'A module check answered offline: an id the app made for this attempt (UUID). Sending it again returns the attempt recorded the ' +
      'first time instead of recording another, so a queued attempt counts once however often it is replayed. Ignored by a final quiz, ' +
      'which needs a connection.',
    format: 'uuid',
  })
  // Absent is fine; null is not a UUID.
  @ValidateIf((_, value) => value !== undefined)
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}
