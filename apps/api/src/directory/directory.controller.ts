import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DIRECTORY_KINDS, type AdminDirectoryEntryDto, type DirectoryEntryDto } from '@ecampus/contracts';
import { Auth } from '../auth/auth.guard';
import { DirectoryEntryInput } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiQuery({ name: 'country', required: false, description: 'ISO 3166-1 alpha-2 code, e.g. MX.' })
  @ApiQuery({ name: 'kind', required: false, enum: DIRECTORY_KINDS })
  @ApiOkResponse({ description: 'Public: `[{id, country, kind, name, phone?, url?, hours?, languages, source, verifiedAt}]`.' })
  list(@Query('country') country?: string, @Query('kind') kind?: string): Promise<DirectoryEntryDto[]> {
    return this.directory.list({ country, kind });
  }
}

@ApiTags('administration')
@Controller('admin/directory')
@Auth('admin')
export class DirectoryAdminController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiQuery({ name: 'country', required: false })
  @ApiQuery({ name: 'kind', required: false, enum: DIRECTORY_KINDS })
  @ApiQuery({ name: 'stale', required: false, description: '`true`: only entries not verified for 12 months.' })
  @ApiOkResponse({ description: 'Every entry with `stale` (not verified for 12 months) and `updatedAt`; stale ones first.' })
  list(@Query('country') country?: string, @Query('kind') kind?: string, @Query('stale') stale?: string): Promise<AdminDirectoryEntryDto[]> {
    return this.directory.adminList({ country, kind, stale });
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One entry.' })
  get(@Param('id') id: string): Promise<AdminDirectoryEntryDto> {
    return this.directory.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new entry. A bad country, phone, URL or date → 400 naming it.' })
  create(@Body() body: DirectoryEntryInput): Promise<AdminDirectoryEntryDto> {
    return this.directory.create(body);
  }

  @Put(':id')
  @ApiOkResponse({ description: 'The entry, replaced by the body.' })
  update(@Param('id') id: string, @Body() body: DirectoryEntryInput): Promise<AdminDirectoryEntryDto> {
    return this.directory.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.directory.remove(id);
  }
}
