/*! okx-doctor embed.js: <div data-okx-doctor="50011|paste|clock" data-theme data-compact data-full data-lib data-locale="en|zh"></div>
 data-full: an error's whole page instead of its card; data-lib: the snippet library shown first (data-lang is its older name); data-locale: the page language (the iframe's title follows it). */
// An iframe starts at the height its element reserves (the snippet's min-height), else at H's, and
// takes its content's height when the auto-height message arrives.
// H: the height each kind of iframe starts with until its auto-height message arrives, [wide, narrow
// (a frame under 481 px, the CSS's phone width)], so the text after it barely moves. Measured at 1280
// and 360 px (tests/e2e/embedcard.test.mjs reports them): the error card over every code, median
// 356/381 px in English and 312/339 in Chinese (263-402 px); the paste box 327/375; the clock check
// 339/428. The full error page (data-full) is far taller and grows from the card's height.
// The Chinese iframe titles are \u escapes: the script reads the same whatever charset the host
// page declares.
// A height is clamped to 50-20000 px: the tallest full error page is about 8,200 px in a 360 px
// frame, and the clamp only stops a runaway value from stretching the host page.
(function(w,d){var s=d.currentScript,B=new URL(".",s&&s.src||location.href),O=B.origin,F=[],
H={e:[340,370],paste:[327,375],clock:[339,428]},
P={paste:["embed/","paste and diagnose","\u7c98\u8d34\u8bca\u65ad"],clock:["embed/clock/","clock check","\u65f6\u949f\u68c0\u67e5"]};
function scan(){d.querySelectorAll("[data-okx-doctor]").forEach(function(e){
if(e.getAttribute("data-okx-doctor-done"))return;
var c=e.getAttribute("data-okx-doctor"),z=/^zh/i.test(e.getAttribute("data-locale")||""),p=P.hasOwnProperty(c)?P[c]:/^\d{1,5}(_\d{1,4})?$/.test(c)&&["embed/e/"+c+"/","error "+c,"\u9519\u8bef\u7801 "+c],q=[],f,h;
if(!p)return;e.setAttribute("data-okx-doctor-done",1);h=parseInt(e.style.minHeight)||(H[c]||H.e)[e.clientWidth<481?1:0];
["theme","compact","full","lib","lang"].forEach(function(k){var v=e.getAttribute("data-"+k);v&&/^[\w-]{1,16}$/.test(v)&&q.push((k=="lang"?"lib":k)+"="+v)});
f=d.createElement("iframe");f.src=B.href+(z?"zh/":"")+p[0]+(q.length?"?"+q.join("&"):"");f.title=z?"okx-doctor\uff1a"+p[2]:"okx-doctor: "+p[1];
f.loading="lazy";f.allow="clipboard-write";f.style.cssText="border:0;width:100%;height:"+h+"px;display:block";
e.textContent="";e.appendChild(f);e.style.minHeight="";F.push(f)})}
w.addEventListener("message",function(e){var m=e.data,h=m&&+m.height,i;
if(e.origin!==O||!m||m.type!=="okx-doctor:resize"||!(h>0))return;
for(i=0;i<F.length;i++)if(F[i].contentWindow===e.source)F[i].style.height=Math.min(2e4,Math.max(50,Math.ceil(h)))+"px"});
d.readyState=="loading"?d.addEventListener("DOMContentLoaded",scan):scan();w.okxDoctorEmbed=scan})(window,document);
