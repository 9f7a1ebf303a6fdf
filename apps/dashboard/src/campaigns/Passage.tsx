import { Box } from '@mui/material';
import type { PassageRange } from '@sift/shared';

/** A text with the passage it shares with its campaign marked (React escapes the text; never HTML). */
export const Passage = ({ text, passage, max }: { text: string; passage: PassageRange; max?: number }) => {
  const clip = (s: string) => (max !== undefined && s.length > max ? `${s.slice(0, max)}…` : s);
  if (!passage) return <span>{clip(text)}</span>;
  return (
    <span>
      {text.slice(0, passage.start)}
      <Box component="mark" data-passage sx={{ bgcolor: 'info.light', color: 'inherit', borderRadius: 0.5, px: 0.25 }}>
        {text.slice(passage.start, passage.end)}
      </Box>
      {clip(text.slice(passage.end))}
    </span>
  );
};
