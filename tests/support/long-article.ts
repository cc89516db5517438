import { seedText } from './api-client.ts';

/** The seed's body repeated until the text is about `chars` long: thousands of claims. */
export function longArticle(chars: number): string {
  const seed = seedText();
  const body = seed.replace(/^.*?: /, '');
  const parts = [seed];
  let length = seed.length;
  while (length + body.length + 2 <= chars) {
    parts.push(body);
    length += body.length + 2;
  }
  return parts.join('\n\n');
}
