# A cmd: extractor in Perl: one JSON article per line on stdin, JSON mentions on stdout.
# Perl string offsets are code points, as figdate's are.
use strict;
use warnings;
use JSON::PP;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my $json = JSON::PP->new->canonical;
while (my $line = <STDIN>) {
    my $article = $json->decode($line);
    my $text = $article->{text};
    while ($text =~ /(?<![\w.,\/])(\d{1,3}(?:,\d{3})+)(?![\w,])/g) {
        my ($start, $end, $surface) = ($-[1], $+[1], $1);
        (my $value = $surface) =~ s/,//g;
        print $json->encode({
            article_id => $article->{id}, kind => "figure", start => $start, end => $end,
            text => $surface, value => $value + 0,
        }), "\n";
    }
}
