// A Docusaurus site whose address comes from the deployment's environment, served below /harbour/.
const {themes} = require('prism-react-renderer');

function deployUrl() {
  return process.env.DEPLOY_PRIME_URL;
}

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Harbour Log',
  tagline: 'What came in on the tide',
  url: deployUrl(),
  baseUrl: '/harbour/',
  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },
  presets: [['classic', {blog: {showReadingTime: true}}]],
};

module.exports = config;
