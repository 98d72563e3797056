module.exports = {
  docs: [
    'intro',
    'configuration',
    'renamed',
    { type: 'category', label: 'Guides', items: ['guides/setup'] },
  ],
};
