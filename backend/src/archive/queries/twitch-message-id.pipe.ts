import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../../http/api-error.js';

/** Twitch names messages by UUIDs: `885196de-cb67-427a-baa8-82f9b0fcd05f`. */
const TWITCH_MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter holding a Twitch message id; anything else is a 400 that says what one is. */
@Injectable()
export class TwitchMessageIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (TWITCH_MESSAGE_ID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    const message = `${field} must be a Twitch message id, a UUID such as 885196de-cb67-427a-baa8-82f9b0fcd05f`;
    throw new ApiError('VALIDATION_FAILED', `Invalid request: ${message}.`, [{ field, message }]);
  }
}
