/*! okx-doctor embed.js: <div data-okx-doctor="50011|paste|clock" data-theme data-compact data-lib data-locale="en|zh"></div>
 data-lib: the snippet library shown first (data-lang is its older name); data-locale: the page language. */
(function(w,d){var s=d.currentScript,B=new URL(".",s&&s.src||location.href),O=B.origin,F=[],
P={paste:["embed/","paste and diagnose"],clock:["embed/clock/","clock check"]};
function scan(){d.querySelectorAll("[data-okx-doctor]").forEach(function(e){
if(e.getAttribute("data-okx-doctor-done"))return;
var c=e.getAttribute("data-okx-doctor"),p=P.hasOwnProperty(c)?P[c]:/^\d{1,5}(_\d{1,4})?$/.test(c)&&["embed/e/"+c+"/","error "+c],q=[],f;
if(!p)return;e.setAttribute("data-okx-doctor-done",1);
["theme","compact","lib","lang"].forEach(function(k){var v=e.getAttribute("data-"+k);v&&/^[\w-]{1,16}$/.test(v)&&q.push((k=="lang"?"lib":k)+"="+v)});
f=d.createElement("iframe");f.src=B.href+(/^zh/i.test(e.getAttribute("data-locale")||"")?"zh/":"")+p[0]+(q.length?"?"+q.join("&"):"");f.title="okx-doctor: "+p[1];
f.loading="lazy";f.allow="clipboard-write";f.style.cssText="border:0;width:100%;height:400px;display:block";
e.textContent="";e.appendChild(f);F.push(f)})}
w.addEventListener("message",function(e){var m=e.data,h=m&&+m.height,i;
if(e.origin!==O||!m||m.type!=="okx-doctor:resize"||!(h>0))return;
for(i=0;i<F.length;i++)if(F[i].contentWindow===e.source)F[i].style.height=Math.min(5e3,Math.max(50,Math.ceil(h)))+"px"});
d.readyState=="loading"?d.addEventListener("DOMContentLoaded",scan):scan();w.okxDoctorEmbed=scan})(window,document);
