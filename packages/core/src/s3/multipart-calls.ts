import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { unquoteEtag } from './etag.js';
import type { FilePart } from './file-part-reader.js';
import type { S3RetryPolicy } from './retry-options.js';
import { IntegrityError } from './s3-errors.js';
import { type RetryListener, sendWithRetry } from './send-with-retry.js';
import { withUnsignedPayload } from './unsigned-payload.js';

/** The S3 multipart calls of one upload, each retried under the policy. */
export class MultipartCalls {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #key: string;
  readonly #policy: S3RetryPolicy;
  readonly #onRetry: RetryListener | undefined;

  constructor(client: S3Client, bucket: string, key: string, policy: S3RetryPolicy, onRetry?: RetryListener) {
    this.#client = client;
    this.#bucket = bucket;
    this.#key = key;
    this.#policy = policy;
    this.#onRetry = onRetry;
  }

  get target(): string {
    return `s3://${this.#bucket}/${this.#key}`;
  }

  async create(
    contentType: string | undefined,
    metadata: Readonly<Record<string, string>> | undefined,
    signal?: AbortSignal,
  ): Promise<string> {
    const answer = await this.#send(
      `CreateMultipartUpload ${this.target}`,
      (abortSignal) =>
        this.#client.send(
          new CreateMultipartUploadCommand({
            Bucket: this.#bucket,
            Key: this.#key,
            ...(contentType ? { ContentType: contentType } : {}),
            ...(metadata ? { Metadata: { ...metadata } } : {}),
          }),
          { abortSignal },
        ),
      signal,
    );
    if (!answer.UploadId) throw new Error(`CreateMultipartUpload ${this.target} returned no UploadId`);
    return answer.UploadId;
  }

  /** Sends one part with its Content-MD5; the returned ETag must be that MD5. */
  async uploadPart(uploadId: string, part: FilePart, digest: Buffer, signal?: AbortSignal): Promise<string> {
    const what = `UploadPart ${part.partNumber} of ${this.target}`;
    const answer = await this.#send(
      what,
      (abortSignal) =>
        this.#client.send(
          withUnsignedPayload(
            new UploadPartCommand({
              Bucket: this.#bucket,
              Key: this.#key,
              UploadId: uploadId,
              PartNumber: part.partNumber,
              Body: part.bytes,
              ContentLength: part.bytes.length,
              ContentMD5: digest.toString('base64'),
            }),
          ),
          { abortSignal },
        ),
      signal,
    );
    const etag = unquoteEtag(answer.ETag);
    const md5 = digest.toString('hex');
    if (etag !== md5)
      throw new IntegrityError(`${what}: the server's part ETag is not the part's MD5`, md5, etag);
    return etag;
  }

  /** Every part the server holds for the upload, by part number. */
  async listParts(
    uploadId: string,
    signal?: AbortSignal,
  ): Promise<Map<number, { etag: string; size: number }>> {
    const parts = new Map<number, { etag: string; size: number }>();
    let marker: string | undefined;
    for (;;) {
      const page = await this.#send(
        `ListParts ${this.target}`,
        (abortSignal) =>
          this.#client.send(
            new ListPartsCommand({
              Bucket: this.#bucket,
              Key: this.#key,
              UploadId: uploadId,
              ...(marker ? { PartNumberMarker: marker } : {}),
            }),
            { abortSignal },
          ),
        signal,
      );
      for (const p of page.Parts ?? []) {
        if (p.PartNumber !== undefined)
          parts.set(p.PartNumber, { etag: unquoteEtag(p.ETag), size: p.Size ?? -1 });
      }
      if (!page.IsTruncated || !page.NextPartNumberMarker) return parts;
      marker = page.NextPartNumberMarker;
    }
  }

  /** Returns the ETag the server answered, which RGW leaves empty. */
  async complete(
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
    signal?: AbortSignal,
  ): Promise<string> {
    const answer = await this.#send(
      `CompleteMultipartUpload ${this.target}`,
      (abortSignal) =>
        this.#client.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.#bucket,
            Key: this.#key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag}"` })) },
          }),
          { abortSignal },
        ),
      signal,
    );
    return unquoteEtag(answer.ETag);
  }

  async abort(uploadId: string): Promise<void> {
    // No caller signal: an abort must still run after the caller's own abort fired.
    await this.#send(`AbortMultipartUpload ${this.target}`, (abortSignal) =>
      this.#client.send(
        new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: this.#key, UploadId: uploadId }),
        { abortSignal },
      ),
    );
  }

  async head(signal?: AbortSignal): Promise<{ etag: string; size: number }> {
    const answer = await this.#send(
      `HeadObject ${this.target}`,
      (abortSignal) =>
        this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#key }), { abortSignal }),
      signal,
    );
    return { etag: unquoteEtag(answer.ETag), size: answer.ContentLength ?? -1 };
  }

  #send<O>(
    what: string,
    attempt: (abortSignal: AbortSignal) => Promise<O>,
    signal?: AbortSignal,
  ): Promise<O> {
    return sendWithRetry(what, attempt, this.#policy, signal, this.#onRetry);
  }
}
