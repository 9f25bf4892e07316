import { RESTJSONErrorCodes, type RESTError, type RESTErrorData } from 'discord-api-types/v10';

/** A refusal the way Discord sends it: an HTTP status and a JSON error body. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly body: RESTError,
  ) {
    super(body.message);
  }
}

const error = (status: number, code: RESTJSONErrorCodes, message: string) => () =>
  new DiscordError(status, { message, code });

export const discordErrors = {
  unauthorized: error(401, RESTJSONErrorCodes.GeneralError, '401: Unauthorized'),
  notFound: error(404, RESTJSONErrorCodes.GeneralError, '404: Not Found'),
  internal: error(500, RESTJSONErrorCodes.GeneralError, '500: Internal Server Error'),
  unknownChannel: error(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel'),
  unknownGuild: error(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild'),
  unknownMessage: error(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message'),
  unknownWebhook: error(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook'),
  invalidWebhookToken: error(401, RESTJSONErrorCodes.InvalidWebhookToken, 'Invalid Webhook Token'),
  missingAccess: error(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access'),
  missingPermissions: error(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions'),
  cannotEditOthersMessage: error(
    403,
    RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser,
    'Cannot edit a message authored by another user',
  ),
  nonTextChannel: error(
    400,
    RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
    'Cannot send messages in a non-text channel',
  ),
  emptyMessage: error(
    400,
    RESTJSONErrorCodes.CannotSendAnEmptyMessage,
    'Cannot send an empty message',
  ),
  invalidJson: error(
    400,
    RESTJSONErrorCodes.RequestBodyContainsInvalidJSON,
    'The request body contains invalid JSON.',
  ),
  invalidFormBody: (errors: RESTErrorData) =>
    new DiscordError(400, {
      message: 'Invalid Form Body',
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors,
    }),
};
