# Prints, as C# hex pairs, the code points Ruby's /\p{Word}/ matches (kramdown's GFM parser keeps these, with
# '-', space and tab). Usage: ruby gen-kramdown-word.rb > kramdown-word.cs.txt
ranges = []
(0..0x10FFFF).each do |cp|
  kept = !(0xD800..0xDFFF).cover?(cp) && [cp].pack('U').match?(/\p{Word}/)
  next unless kept
  if ranges.any? && ranges.last[1] == cp - 1 then ranges.last[1] = cp else ranges << [cp, cp] end
end
warn "Ruby #{RUBY_VERSION}, Unicode #{RbConfig::CONFIG['UNICODE_VERSION']}: #{ranges.size} ranges"
ranges.flatten.each_slice(12) { |s| puts '        ' + s.map { |v| format('0x%04X', v) }.join(', ') + ',' }
