/**
 * The 「朗读」 controls (FACTS §7, 适老化): one markup for every place that reads aloud, rendered by Astro on articles
 * and FAQ answers (src/components/ReadAloud.astro) and inside the licence answer (island and server alike).
 * They stay hidden until src/components/ReadAloud.astro's script finds speech synthesis with a Chinese voice and
 * marks <html class="tts">; that script reads the nearest [data-read] or <article> around them.
 */
export default function ReadAloudButtons() {
  return (
    <div class="readaloud">
      <button type="button" data-ra="play">朗读</button>
      <button type="button" data-ra="pause">暂停</button>
      <button type="button" data-ra="stop">停止</button>
    </div>
  );
}
