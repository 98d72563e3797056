// @ts-check
/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Docusaurus profile fixture with trailing slashes',
  url: 'https://example.com',
  baseUrl: '/',
  trailingSlash: true,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' },
  },
  presets: [['classic', { docs: { sidebarPath: './sidebars.js' }, blog: false }]],
};
