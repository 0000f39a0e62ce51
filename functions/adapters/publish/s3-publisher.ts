import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ReportFile, ReportPublisher } from '../../core/ports';
import { guard } from '../dynamo/errors';

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
  ) {}

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
    try {
      const out = await guard(() =>
        this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
      );
      return (await out.Body?.transformToString('utf-8')) ?? null;
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
