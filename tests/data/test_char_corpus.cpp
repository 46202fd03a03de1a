#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/data/char_corpus.hpp"

using nn::CharVocabulary;
using nn::Dataset;
using nn::Index;

TEST_CASE("CharCorpus: the built-in corpus has 3923 characters over a 30 character vocabulary",
          "[data][text]") {
  const std::string& text = nn::builtin_corpus();
  CHECK(text.size() == 3923);
  CHECK(text.substr(0, 8) == "a neuron");
  CHECK(text.back() == '\n');
  const CharVocabulary vocab(text);
  CHECK(vocab.size() == 30);
  CHECK(vocab.chars() == "\n ,.abcdefghijklmnopqrstuvwxyz");
}

TEST_CASE("CharCorpus: encode then decode gives back the whole corpus", "[data][text]") {
  const std::string& text = nn::builtin_corpus();
  const CharVocabulary vocab(text);
  const std::vector<Index> ids = vocab.encode(text);
  REQUIRE(ids.size() == text.size());
  for (Index id : ids) {
    REQUIRE(id >= 0);
    REQUIRE(id < vocab.size());
  }
  CHECK(vocab.decode(ids) == text);
}

TEST_CASE("CharVocabulary: ids are ranks of the sorted distinct characters", "[data][text]") {
  const CharVocabulary vocab("banana bread");
  CHECK(vocab.chars() == " abdenr");
  CHECK(vocab.size() == 7);
  CHECK(vocab.index_of(' ') == 0);
  CHECK(vocab.index_of('a') == 1);
  CHECK(vocab.index_of('r') == 6);
  CHECK(vocab.char_at(3) == 'd');
  CHECK(vocab.encode("bad") == std::vector<Index>{2, 1, 3});
  CHECK(vocab.decode({6, 4, 5}) == "ren");
}

TEST_CASE("CharVocabulary: unknown characters and ids throw naming them", "[data][text][errors]") {
  const CharVocabulary vocab("abc");
  CHECK_THROWS_WITH(vocab.index_of('z'), Catch::Contains("'z' is not in the vocabulary \"abc\""));
  CHECK_THROWS_WITH(vocab.index_of('\n'), Catch::Contains("'\\n' is not in the vocabulary"));
  CHECK_THROWS_WITH(vocab.encode("abd"), Catch::Contains("'d'"));
  CHECK_THROWS_WITH(vocab.char_at(3), Catch::Contains("id must be in [0, 3), got 3"));
  CHECK_THROWS_WITH(vocab.char_at(-1), Catch::Contains("got -1"));
  CHECK_THROWS_WITH(vocab.decode({0, 7}), Catch::Contains("got 7"));
  CHECK_THROWS_WITH(CharVocabulary(""), Catch::Contains("must not be empty"));
}

TEST_CASE("CharWindows: x holds window ids and y the next id", "[data][text]") {
  const std::string text = "abcabd";
  const CharVocabulary vocab(text);  // a0 b1 c2 d3
  const Dataset d = nn::make_char_windows(text, vocab, 3);
  REQUIRE(d.x.rows() == 3);
  REQUIRE(d.size() == 3);  // windows at 0, 1, 2; the next char must exist
  CHECK(d.x.col(0) == nn::Vector((nn::Vector(3) << 0, 1, 2).finished()));
  CHECK(d.y(0, 0) == 0);  // "abc" -> 'a'
  CHECK(d.x.col(2) == nn::Vector((nn::Vector(3) << 2, 0, 1).finished()));
  CHECK(d.y(0, 2) == 3);  // "cab" -> 'd'
}

TEST_CASE("CharWindows: stride skips window starts and the corpus gives the documented count",
          "[data][text]") {
  const std::string text = "abcdefghij";  // 10 characters
  const CharVocabulary vocab(text);
  const Dataset d = nn::make_char_windows(text, vocab, 4, 3);
  REQUIRE(d.size() == 2);  // starts 0 and 3; start 6 would need index 10
  CHECK(d.x(0, 1) == 3);
  CHECK(d.y(0, 1) == 7);
  CHECK(nn::make_char_windows(text, vocab, 9).size() == 1);
  const std::string& corpus = nn::builtin_corpus();
  const Dataset c = nn::make_char_windows(corpus, CharVocabulary(corpus), 40, 5);
  CHECK(c.size() == (3923 - 40 - 1) / 5 + 1);
}

TEST_CASE("CharWindows: bad arguments throw naming the argument", "[data][text][errors]") {
  const CharVocabulary vocab("abc");
  CHECK_THROWS_WITH(nn::make_char_windows("abc", vocab, 3),
                    Catch::Contains("at least window + 1 = 4 characters, got 3"));
  CHECK_THROWS_WITH(nn::make_char_windows("abcabc", vocab, 0), Catch::Contains("window"));
  CHECK_THROWS_WITH(nn::make_char_windows("abcabc", vocab, 2, 0), Catch::Contains("stride"));
  CHECK_THROWS_WITH(nn::make_char_windows("abcx", vocab, 2), Catch::Contains("'x'"));
}
