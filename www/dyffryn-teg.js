// The demo Welsh council's language switch: the page swaps its own texts
// (each element keeps the other language's in data-en) and its `lang`; the
// calculator follows the page's `lang` by itself, keeping what was typed.
const button = document.getElementById('switch-language');
button?.addEventListener('click', () => {
  const toEnglish = document.documentElement.lang !== 'en-GB';
  document.documentElement.lang = toEnglish ? 'en-GB' : 'cy';
  for (const el of document.querySelectorAll('[data-en]')) {
    const other = el.dataset.en;
    el.dataset.en = el.textContent;
    el.textContent = other;
  }
  // The button names the other language, in that language.
  const lang = button.getAttribute('lang');
  button.setAttribute('lang', button.dataset.enLang);
  button.dataset.enLang = lang;
  document.title = toEnglish
    ? 'Social value calculator – Dyffryn Teg County Borough Council'
    : 'Cyfrifiannell gwerth cymdeithasol – Cyngor Bwrdeistref Sirol Dyffryn Teg';
});
