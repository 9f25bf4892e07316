/** The colours anyone may pick by name, with the hex Twitch stores for them. */
export const NAMED_CHAT_COLORS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    blue: '#0000FF',
    blue_violet: '#8A2BE2',
    cadet_blue: '#5F9EA0',
    chocolate: '#D2691E',
    coral: '#FF7F50',
    dodger_blue: '#1E90FF',
    firebrick: '#B22222',
    golden_rod: '#DAA520',
    green: '#008000',
    hot_pink: '#FF69B4',
    orange_red: '#FF4500',
    red: '#FF0000',
    sea_green: '#2E8B57',
    spring_green: '#00FF7F',
    yellow_green: '#9ACD32',
  }),
);
