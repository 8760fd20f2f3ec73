// A side-by-side line diff (longest common subsequence; configs are small enough for its n×m table).

/** Rows of {left, right, kind}: kind is 'same', 'changed', 'removed' or 'added'; line numbers are 1-based. */
export function sideBySide(leftText, rightText) {
  const a = leftText.split('\n'), b = rightText.split('\n');
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows = [];
  let i = 0, j = 0, removed = [], added = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const left = removed[k], right = added[k];
      rows.push({ left, right, kind: left && right ? 'changed' : left ? 'removed' : 'added' });
    }
    removed = []; added = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ left: { no: i + 1, text: a[i] }, right: { no: j + 1, text: b[j] }, kind: 'same' });
      i++; j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ no: j + 1, text: b[j] }); j++;
    } else {
      removed.push({ no: i + 1, text: a[i] }); i++;
    }
  }
  flush();
  return rows;
}
