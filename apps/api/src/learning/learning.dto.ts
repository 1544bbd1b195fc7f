import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class AttemptDto {
  @ApiProperty({
    description: 'For each question id, the ids of the options chosen.',
    example: { '0b7c…question-id': ['4f2a…option-id'] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  @IsObject({ message: 'answers must be an object mapping question ids to lists of option ids' })
  answers: Record<string, unknown>;
}
