import { type SimChannel, type SimStream, type SimUser } from '../world/twitch-world.js';

/** Helix writes times to the second: `2016-12-14T20:32:28Z`. */
export function helixTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An item of `GET /helix/users`; `email` only for the token's own user with `user:read:email`. */
export function helixUser(user: SimUser, withEmail: boolean) {
  return {
    id: user.id,
    login: user.login,
    display_name: user.displayName,
    type: user.type,
    broadcaster_type: user.broadcasterType,
    description: user.description,
    profile_image_url: user.profileImageUrl,
    offline_image_url: user.offlineImageUrl,
    view_count: 0,
    ...(withEmail ? { email: user.email } : {}),
    created_at: helixTimestamp(user.createdAt),
  };
}

/** An item of `GET /helix/streams`. */
export function helixStream(channel: SimChannel & { stream: SimStream }) {
  const { broadcaster, stream } = channel;
  return {
    id: stream.id,
    user_id: broadcaster.id,
    user_login: broadcaster.login,
    user_name: broadcaster.displayName,
    game_id: stream.gameId,
    game_name: stream.gameName,
    type: stream.type,
    title: stream.title,
    tags: [],
    viewer_count: stream.viewerCount,
    started_at: helixTimestamp(stream.startedAt),
    language: stream.language,
    thumbnail_url: `https://static-cdn.jtvnw.net/previews-ttv/live_user_${broadcaster.login}-{width}x{height}.jpg`,
    tag_ids: [],
    is_mature: false,
  };
}
