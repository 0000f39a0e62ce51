import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileLinkOptions, ReportFile, ReportPublisher } from '../../core/ports';
import { guard } from '../dynamo/errors';

/** How long a presigned address of a report file stays valid: the client follows it at once. */
export const LINK_SECONDS = 120;

/**
 * On AWS: report files in the reports bucket, a notice on the SNS topic. S3 or SNS throttling,
 * 5xx and dropped connections (after the SDK's retries) become 503 STORE_UNAVAILABLE, as
 * DynamoDB's do: a manual publish is told to try again, never given a 500.
 */
export class S3Publisher implements ReportPublisher {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly sns: SNSClient | null,
    private readonly topicArn: string | undefined,
    /** Where presigned addresses point (the bucket's own host, or a local stand-in's). */
    readonly linkOrigin?: string,
  ) {}

  /**
   * A presigned GET of the file, valid for LINK_SECONDS: the client follows the API's redirect to
   * the bucket, so no report body passes through the API function (Lambda answers at most 6 MB).
   * The object is looked at first (HeadObject), so a missing file is null here rather than a
   * redirect to S3's error. The answer is never cached (it names people) and downloads keep
   * their names.
   */
  async link(key: string, as: FileLinkOptions): Promise<string | null> {
    try {
      await guard(() => this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
    } catch (err) {
      if (err instanceof NotFound || (err as Error).name === 'NotFound') return null;
      throw err;
    }
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: as.contentType,
        ResponseCacheControl: 'private, no-store',
        ...(as.filename
          ? { ResponseContentDisposition: `attachment; filename="${as.filename}"` }
          : {}),
      }),
      { expiresIn: LINK_SECONDS },
    );
  }

  async write(files: readonly ReportFile[]): Promise<void> {
    await Promise.all(
      files.map((f) =>
        guard(() =>
          this.s3.send(
            new PutObjectCommand({
              Bucket: this.bucket,
              Key: f.key,
              Body: f.body,
              ContentType: f.contentType,
              CacheControl: 'no-cache',
            }),
          ),
        ),
      ),
    );
  }

  async read(key: string): Promise<string | null> {
    return this.get(key, (body) => body.transformToString('utf-8'));
  }

  async readBytes(key: string): Promise<Uint8Array | null> {
    return this.get(key, (body) => body.transformToByteArray());
  }

  private async get<T>(
    key: string,
    as: (body: NonNullable<GetObjectCommandOutput['Body']>) => Promise<T>,
  ): Promise<T | null> {
    try {
      // The body is read inside the guard: a stream cut off midway is as transient as a refusal.
      return await guard(async () => {
        const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        return out.Body ? await as(out.Body) : null;
      });
    } catch (err) {
      if (err instanceof NoSuchKey || (err as Error).name === 'NoSuchKey') return null;
      throw err;
    }
  }

  async notify(subject: string, message: string): Promise<void> {
    if (!this.sns || !this.topicArn) return;
    // SNS subjects: printable ASCII, under 100 characters.
    const safe = subject.replace(/[^\x20-\x7e]/g, '?').slice(0, 99);
    const sns = this.sns;
    const TopicArn = this.topicArn;
    await guard(() => sns.send(new PublishCommand({ TopicArn, Subject: safe, Message: message })));
  }
}
