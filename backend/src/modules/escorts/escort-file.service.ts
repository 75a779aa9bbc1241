import { randomBytes, createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { EscortFile, FILE_PURPOSES, FilePurpose } from './escort-file.entity';
import { detectMime, EXTENSIONS, MAX_UPLOAD_BYTES, UPLOAD_PROBLEM_MESSAGES, uploadProblem } from './file-checks';
import { AppError, Errors } from '../../common/errors';
import type { AppSettings } from '../../config/settings';

export interface Uploader {
  type: 'escort' | 'staff';
  id: number;
}

/**
 * Escorts' uploaded files on disk under DATA_DIR/uploads/escorts, outside every folder the server
 * serves statically. Checks run on the whole content before anything is written; the bytes are
 * written to a temporary name and renamed, and the row is inserted after, so a failure at any
 * point leaves neither a file nor a row behind.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortFileService {
  @InjectEntityModel(EscortFile)
  files: Repository<EscortFile>;

  @Config('app')
  settings: AppSettings;

  get root(): string {
    return path.join(this.settings.dataDir, 'uploads', 'escorts');
  }

  async store(escortId: number, purpose: string, filename: string, content: Buffer, by: Uploader): Promise<EscortFile> {
    if (!(purpose in FILE_PURPOSES)) throw Errors.validation('文件用途不正确');
    const problem = uploadProblem(filename, content);
    if (problem) throw new AppError(400, problem, UPLOAD_PROBLEM_MESSAGES[problem]);
    const mime = detectMime(content)!;
    const storedName = `${randomBytes(16).toString('hex')}.${EXTENSIONS[mime][0]}`;
    await fs.mkdir(this.root, { recursive: true });
    const finalPath = path.join(this.root, storedName);
    const tempPath = `${finalPath}.part`;
    await fs.writeFile(tempPath, content, { flag: 'wx', mode: 0o600 });
    try {
      await fs.rename(tempPath, finalPath);
      const inserted = await this.files.insert({
        escortId,
        purpose: purpose as FilePurpose,
        storedName,
        originalName: filename.slice(0, 100),
        mime,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedByType: by.type,
        uploadedById: by.id,
      });
      return this.files.findOneByOrFail({ id: inserted.identifiers[0].id as number });
    } catch (err) {
      await fs.rm(tempPath, { force: true });
      await fs.rm(finalPath, { force: true });
      throw err;
    }
  }

  /** The file must belong to the escort and have been uploaded for this purpose. */
  async assertUsable(manager: EntityManager | null, escortId: number, fileId: number, purposes: FilePurpose[]): Promise<EscortFile> {
    const repo = manager ? manager.getRepository(EscortFile) : this.files;
    const f = await repo.findOne({ where: { id: fileId, escortId } });
    if (!f) throw Errors.rule('FILE_NOT_FOUND', '文件不存在或不属于该陪诊师，请重新上传');
    if (!purposes.includes(f.purpose)) throw Errors.rule('FILE_PURPOSE_MISMATCH', `该文件不是${purposes.map(p => FILE_PURPOSES[p]).join('或')}`);
    return f;
  }

  async find(fileId: number): Promise<EscortFile | null> {
    return this.files.findOne({ where: { id: fileId } });
  }

  /** The stored bytes. The stored name is ours (hex + extension), so it cannot point elsewhere. */
  async read(f: EscortFile): Promise<Buffer> {
    if (!/^[0-9a-f]{32}\.(jpg|png|pdf)$/.test(f.storedName)) throw Errors.notFound('文件');
    try {
      return await fs.readFile(path.join(this.root, f.storedName));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw Errors.notFound('文件内容');
      throw err;
    }
  }

  static readonly MAX_BYTES = MAX_UPLOAD_BYTES;
}

/** Where staff fetch a file (with their bearer token; the answer is never cached publicly). */
export function staffFileUrl(fileId: number | null): string | null {
  return fileId ? `/api/admin/escort-files/${fileId}` : null;
}
