# Heading ids from Jekyll's Markdown converter (kramdown with the GFM parser) under Jekyll's defaults and
# GitHub Pages' kramdown settings (input GFM, hard_wrap false, gfm_quirks paragraph_end).
# Usage: ruby run-kramdown.rb headings.txt explicit.txt > kramdown.tsv
require 'cgi'
require 'jekyll'

pages = []
ARGV.each do |path|
  File.read(path, encoding: 'utf-8').split("\n").each do |line|
    next if line.strip.empty? || line.start_with?('#')
    if line.start_with?('= ')
      pages << [line[2..].strip, []]
    else
      pages.last[1] << line
    end
  end
end

pages_kramdown = { 'input' => 'GFM', 'hard_wrap' => false, 'gfm_quirks' => 'paragraph_end' }
config = Jekyll::Utils.deep_merge_hashes(Jekyll::Configuration::DEFAULTS, 'kramdown' => pages_kramdown)
converter = Jekyll::Converters::Markdown.new(config)
pages.each do |name, headings|
  html = converter.convert(headings.map { |h| "## #{h}\n\nText.\n\n" }.join)
  ids = html.scan(/<h2(?: id="([^"]*)")?>/).map(&:first)
  raise "#{name}: #{ids.size} ids for #{headings.size} headings" unless ids.size == headings.size
  headings.zip(ids).each { |h, id| puts "#{name}\t#{h}\t#{CGI.unescapeHTML(id.to_s)}" }
end
warn "Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}, kramdown-parser-gfm #{Kramdown::Parser::GFM::VERSION}, Ruby #{RUBY_VERSION}"
