/**
 * Text from the user's document (or a message quoting it) inside hover Markdown. Every character that can start
 * Markdown syntax is backslash-escaped (CommonMark allows it for any ASCII punctuation): no link, image, HTML,
 * code span, emphasis or autolink (`https:`, `www.`, `a@b.c`) can come from the text. Runs of white space, line
 * breaks included, become one space, so no block can start either.
 */
export const markdownText = (text: string): string =>
  text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-!|~&:@.]/g, '\\$&');
