// When each question comes back: FSRS, as the ts-fsrs package implements it (pinned in
// package-lock.json, copied into the site by the build: assets/vendor/ts-fsrs/). The library
// is handed in rather than imported, so Node's test runner can give it the package from
// node_modules while pages load the copy only once a reader rates an answer.
import { RATINGS } from "./history.js";

export { RATINGS };

// The page is a daily practice, not a drilling session: every rating schedules whole days
// (no minute-long learning steps). No fuzz: the same reviews always give the same dates,
// which is what lets a merged history be replayed.
export const PARAMETERS = { enable_fuzz: false, enable_short_term: false };

// A card as JSON keeps it (dates as ISO text), which the library reads back as it is.
function stored(card) {
  return JSON.parse(JSON.stringify(card));
}

export function makeScheduler(lib) {
  const engine = lib.fsrs(lib.generatorParameters(PARAMETERS));
  const grade = (rating) => {
    const index = RATINGS.indexOf(rating);
    if (index < 0) throw new RangeError(`not a rating: ${rating}`);
    return [lib.Rating.Again, lib.Rating.Hard, lib.Rating.Good, lib.Rating.Easy][index];
  };

  // The card after rating `rating` at `at`; `card` null for a question never reviewed.
  function review(card, rating, at) {
    const when = new Date(at);
    return stored(engine.next(card || lib.createEmptyCard(when), when, grade(rating)).card);
  }

  // The card a review log (oldest first) leads to, or null for an empty log.
  function replay(log) {
    return [...log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .reduce((card, entry) => review(card, entry.rating, entry.at), null);
  }

  return { review, replay };
}

// The library itself (61 kB), fetched the first time a page needs it: the pages that only
// show marks and count due questions never load it.
let loading = null;
export function loadScheduler() {
  loading = loading || import("./vendor/ts-fsrs/index.mjs").then(makeScheduler)
    .catch((error) => { loading = null; throw error; });
  return loading;
}
