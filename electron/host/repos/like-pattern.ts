/** LIKE patterns with the wildcards of the user's text escaped (use with ESCAPE '\'). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const likePrefix = (text: string) => `${escapeLike(text)}%`;
export const likeContains = (text: string) => `%${escapeLike(text)}%`;
