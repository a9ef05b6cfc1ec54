import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CsvError, formatCsv, parseCsv } from "./csv.js";

describe("CSV import and export", () => {
  it("reads x,y,label rows with or without a header, CRLF, blank lines and ; separators", () => {
    const points = parseCsv("x,y,label\r\n0.5,-1,0\r\n\r\n1e-3;2;1\n-3,4,2\n7,8,1\n");
    expect(Array.from(points.X)).toEqual([0.5, -1, 0.001, 2, -3, 4, 7, 8]);
    expect(Array.from(points.y)).toEqual([0, 1, 2, 1]);
    expect(points.nClasses).toBe(3);
    expect(parseCsv("1,2,0\n3,4,1\n5,6,0\n7,8,1").nClasses).toBe(2);
  });

  it("names the line and the problem of a bad file", () => {
    const cases: [string, RegExp][] = [
      ["x,y,label\n1,2,0\n3,4\n", /^line 3: expected 3 values x,y,label, got 2: "3,4"$/],
      ["1,2,0\nabc,4,1\n", /^line 2: expected x to be a number, got "abc"$/],
      ["1,2,0\n1,,1\n", /^line 2: expected y to be a number, got ""$/],
      ["1,2,0\n1,2,1.5\n", /^line 2: expected label to be a whole number from 0 to 4, got "1.5"$/],
      ["1,2,0\n1,2,5\n", /^line 2: expected label to be a whole number from 0 to 4, got "5"$/],
      ["hello world\n", /^line 1: expected 3 values x,y,label, got 1: "hello world"$/],
      ["", /^the file has no points/],
      ["x,y,label\n1,2,1\n3,4,1\n5,6,1\n7,8,1\n", /^every point has label 1: expected at least two classes$/],
      ["1,2,0\n3,4,1\n", /^the file has 2 points: expected at least 4$/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseCsv(text), text).toThrow(CsvError);
      expect(() => parseCsv(text), text).toThrow(message);
    }
  });

  it("writes every point so it reads back to the same doubles (property)", () => {
    const point = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.integer({ min: 0, max: 4 })), { minLength: 4, maxLength: 50 }),
        (rows) => {
          const labels = rows.map(([, label]) => label);
          if (new Set(labels).size < 2) return;
          const X = Float64Array.from(rows.flatMap(([[x, y]]) => [x, y]));
          const y = Int32Array.from(labels);
          const back = parseCsv(formatCsv({ X, y }));
          expect(Array.from(back.X).map((v) => (Object.is(v, -0) ? 0 : v))).toEqual(
            Array.from(X).map((v) => (Object.is(v, -0) ? 0 : v)),
          );
          expect(back.y).toEqual(y);
        },
      ),
    );
  });
});
