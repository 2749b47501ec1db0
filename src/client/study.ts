// The self-check questions' script, on the pages that have some (src/components/StudyScript.astro). The review
// page starts at once. A note's questions end the note, so their code loads when the first comes within a screen
// of the viewport; until then they read as the server wrote them (answers in <details>).
function setUpStudy(): void {
  if (document.querySelector('[data-review]')) {
    void import('./review.ts').then((m) => m.setUpReview());
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void import('./quiz.ts').then((m) => m.enhanceQuizzes());
    },
    { rootMargin: '100% 0px' },
  );
  for (const quiz of document.querySelectorAll('.quiz[data-quiz-id]')) observer.observe(quiz);
}

setUpStudy();
