import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { Request, Response } from 'express';
import { LANGUAGES, type Language, type MyCertificateDto, type VerifyDto } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import { Allow } from '../auth/policies';
import type { UserEntity } from '../users/user.entity';
import { CertificatesService, type RevocationListDto } from './certificates.service';
import { renderVerifyPage } from './verify-page';

export class RevokeDto {
  @ApiProperty({ example: 'Issued by mistake to the wrong account.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(3, 500, { message: 'reason must be between 3 and 500 characters' })
  reason: string;
}

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('me/certificates')
  @Auth()
  @ApiOkResponse({ description: 'The signed-in learner’s certificates.' })
  mine(@CurrentUser() user: UserEntity): Promise<MyCertificateDto[]> {
    return this.certificates.mine(user);
  }

  @Get('certificates/:code/pdf')
  @Auth()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate PDF (its holder or an admin; 404 for anyone else).' })
  @ApiNotFoundResponse()
  async pdf(@Param('code') code: string, @CurrentUser() user: UserEntity, @Res() res: Response): Promise<void> {
    const { cert, pdf } = await this.certificates.pdf(user, code);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="certificate-${cert.code}.pdf"`,
        'Cache-Control': 'private, no-store',
      })
      .end(pdf);
  }

  @Get('certificates/revocations')
  @ApiOkResponse({
    description:
      'Public, signed list of every revoked certificate code with its date: `{format: "ecampus-revocations-v1", kid, generatedAt, revoked: [{code, revokedAt}], token}`. ' +
      '`token` is `v1.<base64url JSON {k, format, generatedAt, revoked}>.<base64url Ed25519 signature of "v1.<payload>">`, checked against `/.well-known/ecampus-certificate-keys.json`.',
  })
  async revocations(@Res({ passthrough: true }) res: Response): Promise<RevocationListDto> {
    res.set('Cache-Control', 'public, max-age=60');
    return this.certificates.revocations();
  }

  @Get('verify/:code')
  @ApiOkResponse({ description: 'Public verification of a certificate code.' })
  @ApiNotFoundResponse({ description: 'No certificate has this code.' })
  verify(@Param('code') code: string): Promise<VerifyDto> {
    return this.certificates.verify(code);
  }

  @Post('admin/certificates/:code/revoke')
  @Allow('certificate:revoke')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Revoked; the verify page and API now say so.' })
  revoke(@Param('code') code: string, @Body() body: RevokeDto, @CurrentUser() user: UserEntity): Promise<VerifyDto> {
    return this.certificates.revoke(user, code, body.reason);
  }
}

/** `GET /verify/:code`: the page the QR code points to, rendered here so it needs no JavaScript. */
export async function verifyPage(certificates: CertificatesService, req: Request, res: Response): Promise<void> {
  const code = String(req.params.code);
  const result = await certificates.verify(code).catch((e) => {
    if (e instanceof NotFoundException) return null;
    throw e;
  });
  const cert = result ? await certificates.byCode(code) : null;
  const wanted = req.acceptsLanguages(...LANGUAGES) as Language | false;
  const lang: Language = cert?.language ?? (wanted || 'es');
  res.status(result ? 200 : 404).set('Cache-Control', 'no-cache').type('html').send(renderVerifyPage(lang, code, result));
}
