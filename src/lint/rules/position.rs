//! Where a finding sits in the file: chars of a segment turned into `line:col`.
//!
//! A posting may hold one line of megabytes with tens of thousands of findings on it
//! (40,000 identical duties on one line), so a position is never found by counting
//! from the start of the file, the line or the segment per finding. Each index here
//! is built once, when first needed, and answers in O(log n):
//!
//! - [`SegmentLines`]: the line breaks inside one exact segment, so char `k` of it is a
//!   binary search away from its line and column.
//! - [`crate::text::CharIndex`]: the byte offset of every 256th char of the source, so
//!   columns (chars) and byte offsets convert without walking a line from its start.

/// The char offsets of the line breaks in an exact segment's text.
pub struct SegmentLines {
    newlines: Vec<usize>,
    len: usize,
}

impl SegmentLines {
    /// The index of `chars`, the segment's text.
    pub fn new(chars: &[char]) -> SegmentLines {
        SegmentLines {
            newlines: chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i)
                .collect(),
            len: chars.len(),
        }
    }

    /// Line and column of char `offset` (clamped to the text's end) for a segment whose
    /// text starts at `line:col`: the lines and columns [`crate::lint::Segment::loc_at`]
    /// counts, found by binary search.
    pub fn loc_at(&self, line: usize, col: usize, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.len);
        match self.newlines.partition_point(|&n| n < offset) {
            0 => (line, col + offset),
            k => (line + k, offset - self.newlines[k - 1]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the indexes must agree with: counting from the start.
    fn slow_loc(text: &str, line: usize, col: usize, offset: usize) -> (usize, usize) {
        let (mut l, mut c) = (line, col);
        for ch in text.chars().take(offset) {
            if ch == '\n' {
                (l, c) = (l + 1, 1);
            } else {
                c += 1;
            }
        }
        (l, c)
    }

    #[test]
    fn segment_positions_match_counting() {
        let text = "ab\ncdé\n\nfgh";
        let chars: Vec<char> = text.chars().collect();
        let idx = SegmentLines::new(&chars);
        for k in 0..=chars.len() + 2 {
            assert_eq!(idx.loc_at(4, 7, k), slow_loc(text, 4, 7, k), "offset {k}");
        }
    }
}
