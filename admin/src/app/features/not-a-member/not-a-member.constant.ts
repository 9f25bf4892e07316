export const NOT_A_MEMBER_TITLE = 'Not on the team';
