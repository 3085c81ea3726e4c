import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Paths;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/** Dump prints every entry of a Morfologik dictionary as "form TAB lemma TAB tag" lines. */
public class Dump {
  public static void main(String[] args) throws Exception {
    Dictionary d = Dictionary.read(Paths.get(args[0]));
    try (PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(args[1])), false, "UTF-8")) {
      for (WordData w : new DictionaryLookup(d)) {
        out.println(w.getWord() + "\t" + w.getStem() + "\t" + w.getTag());
      }
    }
  }
}
