/**
 * The 15 chat colours anyone may pick by name, with the hex Twitch stores for them, in the order
 * Twitch hands them out as defaults to chatters who never chose one.
 */
export const TWITCH_NAMED_CHAT_COLORS = {
  red: '#FF0000',
  blue: '#0000FF',
  green: '#008000',
  firebrick: '#B22222',
  coral: '#FF7F50',
  yellow_green: '#9ACD32',
  orange_red: '#FF4500',
  sea_green: '#2E8B57',
  golden_rod: '#DAA520',
  chocolate: '#D2691E',
  cadet_blue: '#5F9EA0',
  dodger_blue: '#1E90FF',
  hot_pink: '#FF69B4',
  blue_violet: '#8A2BE2',
  spring_green: '#00FF7F',
} as const;

export type TwitchNamedChatColor = keyof typeof TWITCH_NAMED_CHAT_COLORS;
