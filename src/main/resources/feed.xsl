<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of Polyfeed as a readable page when someone opens it in a
  browser: what a feed is, the address to copy into a reader, and the posts. Feed readers ignore the
  <?xml-stylesheet?> instruction that points here, so nothing they parse changes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="lang" select="string(/rss/channel/language | /atom:feed/@xml:lang)"/>
  <xsl:variable name="ui">
    <xsl:call-template name="primary"><xsl:with-param name="tag" select="$lang"/></xsl:call-template>
  </xsl:variable>

  <!-- "pt-BR" -> "pt" -->
  <xsl:template name="primary">
    <xsl:param name="tag"/>
    <xsl:value-of select="substring-before(concat(translate($tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '-'), '-')"/>
  </xsl:template>

  <!-- the same right-to-left languages and scripts as dev.polyfeed.content.Language -->
  <xsl:template name="direction">
    <xsl:param name="tag"/>
    <xsl:variable name="primary">
      <xsl:call-template name="primary"><xsl:with-param name="tag" select="$tag"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($tag, '-Arab') or contains($tag, '-Hebr') or contains($tag, '-Syrc') or contains($tag, '-Thaa') or contains($tag, '-Nkoo') or contains($tag, '-Adlm') or contains($tag, '-Rohg')">rtl</xsl:when>
      <xsl:when test="contains($tag, '-') and string-length(substring-before(substring-after(concat($tag, '-'), '-'), '-')) = 4">ltr</xsl:when>
      <xsl:when test="contains(' ar arc ary arz azb bal bqi ckb dv fa glk he iw khw ks lrc mzn nqo pnb prs ps sd sdh syr ug ur yi ji ', concat(' ', $primary, ' '))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="text">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$ui = 'tr'">
        <xsl:choose>
          <xsl:when test="$key = 'what'">Bu bir web beslemesi (feed).</xsl:when>
          <xsl:when test="$key = 'how'">Abone olmak için aşağıdaki adresi kopyalayıp feed okuyucunuza (NetNewsWire, Feedly, Thunderbird, newsboat, Miniflux…) ekleyin. Yeni yazılar yayımlandıkça okuyucunuzda görünür.</xsl:when>
          <xsl:otherwise>Yazılar</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$ui = 'ar'">
        <xsl:choose>
          <xsl:when test="$key = 'what'">هذه تغذية ويب.</xsl:when>
          <xsl:when test="$key = 'how'">للاشتراك، انسخ العنوان أدناه وأضفه إلى قارئ التغذيات لديك (NetNewsWire أو Feedly أو Thunderbird أو newsboat أو Miniflux…). ستظهر المقالات الجديدة في القارئ فور نشرها.</xsl:when>
          <xsl:otherwise>المقالات</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$ui = 'hi'">
        <xsl:choose>
          <xsl:when test="$key = 'what'">यह एक वेब फ़ीड है।</xsl:when>
          <xsl:when test="$key = 'how'">सदस्यता लेने के लिए नीचे दिया गया पता कॉपी करके अपने फ़ीड रीडर (NetNewsWire, Feedly, Thunderbird, newsboat, Miniflux…) में जोड़ें। नई पोस्ट प्रकाशित होते ही आपके रीडर में दिखेंगी।</xsl:when>
          <xsl:otherwise>पोस्ट</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$ui = 'id'">
        <xsl:choose>
          <xsl:when test="$key = 'what'">Ini adalah umpan web (feed).</xsl:when>
          <xsl:when test="$key = 'how'">Untuk berlangganan, salin alamat di bawah ke pembaca feed Anda (NetNewsWire, Feedly, Thunderbird, newsboat, Miniflux…). Tulisan baru akan muncul di pembaca Anda begitu terbit.</xsl:when>
          <xsl:otherwise>Tulisan</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$key = 'what'">This is a web feed.</xsl:when>
          <xsl:when test="$key = 'how'">To subscribe, copy the address below into your feed reader (NetNewsWire, Feedly, Thunderbird, newsboat, Miniflux…). New posts then appear in your reader as they are published.</xsl:when>
          <xsl:otherwise>Posts</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <xsl:variable name="title" select="string(/rss/channel/title | /atom:feed/atom:title)"/>
    <xsl:variable name="description" select="string(/rss/channel/description | /atom:feed/atom:subtitle)"/>
    <xsl:variable name="self" select="string((/rss/channel/atom:link | /atom:feed/atom:link)[@rel = 'self']/@href)"/>
    <html>
      <xsl:if test="$lang != ''">
        <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="dir">
        <xsl:call-template name="direction"><xsl:with-param name="tag" select="$lang"/></xsl:call-template>
      </xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          body{font:1rem/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
          .about{background:#f3f6fa;border-radius:.5rem;padding:1rem;margin:1rem 0 2rem}
          .about input{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;direction:ltr}
          article{margin:0 0 1.5rem}
          article h3{margin:0}
          time{color:#666;font-size:.9rem}
        </style>
      </head>
      <body>
        <header>
          <h1 id="title"><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
        </header>
        <section class="about" id="about">
          <p><strong><xsl:call-template name="text"><xsl:with-param name="key" select="'what'"/></xsl:call-template></strong>
            <xsl:text> </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="key" select="'how'"/></xsl:call-template></p>
          <input id="feed-url" type="text" readonly="readonly" value="{$self}" onclick="this.select()"/>
        </section>
        <h2><xsl:call-template name="text"><xsl:with-param name="key" select="'posts'"/></xsl:call-template></h2>
        <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item | atom:entry">
    <xsl:variable name="itemLang" select="string(dc:language | @xml:lang)"/>
    <article class="item">
      <xsl:if test="$itemLang != ''">
        <xsl:attribute name="lang"><xsl:value-of select="$itemLang"/></xsl:attribute>
        <xsl:attribute name="dir">
          <xsl:call-template name="direction"><xsl:with-param name="tag" select="$itemLang"/></xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <h3><a href="{string(link | atom:link[@rel = 'alternate'][1]/@href)}"><xsl:value-of select="title | atom:title"/></a></h3>
      <time>
        <xsl:choose>
          <xsl:when test="atom:published"><xsl:value-of select="substring(atom:published, 1, 10)"/></xsl:when>
          <!-- "Sat, 02 Mar 2024 00:00:00 GMT" -> "02 Mar 2024" -->
          <xsl:otherwise><xsl:value-of select="substring(normalize-space(pubDate), 6, 11)"/></xsl:otherwise>
        </xsl:choose>
      </time>
      <p><xsl:value-of select="description | atom:summary"/></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
