/** The part of a tty stream the spinner and progress bar use. */
export interface TerminalStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}
