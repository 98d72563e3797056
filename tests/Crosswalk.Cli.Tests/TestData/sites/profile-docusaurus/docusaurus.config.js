// @ts-check
/** @type {import('@docusaurus/types').Config} */
module.exports = {
  title: 'Docusaurus profile fixture',
  url: 'https://example.com',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn' },
  },
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'guide',
          sidebarPath: './sidebars.js',
        },
        blog: {
          routeBasePath: 'blog',
        },
      },
    ],
  ],
};
