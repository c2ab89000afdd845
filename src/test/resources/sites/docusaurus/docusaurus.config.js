// A small Docusaurus site with a blog in English and Turkish.
const config = {
  title: 'Tidewater',
  tagline: 'Writing from the harbour',
  url: 'https://tidewater.example.com',
  baseUrl: '/',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'tr'],
  },
  presets: [
    [
      'classic',
      {
        blog: {
          showReadingTime: true,
        },
      },
    ],
  ],
};

module.exports = config;
